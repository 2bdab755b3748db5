// Controls on the page that write the extension's storage act only on what the reader did: a page script can call
// `.click()` on them (or dispatch events), but such events are not trusted (`isTrusted` false).

/** `handler`, called only for a trusted event (a real click, key or change by the reader). */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}
