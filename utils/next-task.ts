// Runs work in a task of its own, soon: how long work is split so that the page stays responsive.

/**
 * Runs `job` in a task of its own, soon: a message to ourselves, not setTimeout, which browsers slow to once a second
 * in background tabs (a document opened in a background tab would fill in over many seconds). Returns a cancel.
 */
export function nextTask(job: () => void): () => void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    job();
  };
  channel.port2.postMessage(null);
  return () => channel.port1.close();
}
