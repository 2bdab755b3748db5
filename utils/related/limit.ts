// At most `n` jobs at a time; the rest wait in order.

export function limiter(n: number): <T>(job: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    if (running >= n) return;
    const start = waiting.shift();
    if (start) {
      running++;
      start();
    }
  };
  return (job) =>
    new Promise((resolve, reject) => {
      waiting.push(() => {
        job()
          .then(resolve, reject)
          .finally(() => {
            running--;
            next();
          });
      });
      next();
    });
}
