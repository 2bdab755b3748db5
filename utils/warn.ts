// Errors the extension survives are kept in its console (the page's own console never gets an uncaught one).

/** Logs an error the extension has recovered from, marked as ours. */
export const warn = (err: unknown): void => console.warn('[Kamervragen Lezer]', err);
