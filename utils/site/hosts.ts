// The site's hosts: where the content scripts run (a module of its own, so that the early script carries nothing else).

export const SITE_ORIGIN = 'https://zoek.officielebekendmakingen.nl';
export const SITE_HOSTS = ['zoek.officielebekendmakingen.nl', 'www.officielebekendmakingen.nl'] as const;

/** Match patterns of the content scripts: every page of both hosts. */
export const CONTENT_MATCHES = SITE_HOSTS.map((host) => `*://${host}/*`);
