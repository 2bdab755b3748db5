// The addresses the content script must run on (every URL form of a Kamervragen document, page-structure.md §1.2)
// and five it must not run on at all (other pages of the site), with the fixture each is served from.
import { join } from 'node:path';
import { SAMPLE_ID } from './extension';
import { FIXTURES_DIR } from './paths';

export interface UrlForm {
  /** The server path to route (the pathname) */
  route: string;
  /** What the browser opens (path, query, hash) */
  path: string;
  /** The file served there; '' for a path the fixture server knows itself */
  file: string;
}

const sample = join(FIXTURES_DIR, 'cases', `html-${SAMPLE_ID}`, 'source.html');
const kv = join(FIXTURES_DIR, 'cases', 'html-kv-tk-2024Z02563', 'source.html');
/** A real page of the site that is not a Kamervragen document, as stand-in for pages not in the fixtures */
const other = join(FIXTURES_DIR, 'pages', 'gmb-2017-100007.html');

export const DOCUMENT_URLS: UrlForm[] = [
  { route: `/${SAMPLE_ID}.html`, path: `${SAMPLE_ID}.html`, file: sample },
  { route: `/${SAMPLE_ID}`, path: SAMPLE_ID, file: sample },
  {
    route: `/${SAMPLE_ID}.html`,
    path: `${SAMPLE_ID}.html?zoekcriteria=%3Fzkt%3DUitgebreid%26pst%3D`,
    file: sample,
  },
  { route: `/${SAMPLE_ID}.html`, path: `${SAMPLE_ID}.html#vraag-2`, file: sample },
  { route: `/dossier/${SAMPLE_ID}.html`, path: `dossier/${SAMPLE_ID}.html`, file: sample },
  { route: '/kv-tk-2024Z02563.html', path: 'kv-tk-2024Z02563.html', file: kv },
];

/** Home, search results (whose query names an ah- id), a Kamerstuk, a Staatscourant and a Gemeenteblad page. */
export const OTHER_URLS: UrlForm[] = [
  { route: '/', path: '', file: '' },
  {
    route: '/resultaten',
    path: 'resultaten?q=(c.product-area==%22officielepublicaties%22)and(cql.textAndIndexes=%22ah-tk%22)',
    file: other,
  },
  { route: '/kst-36410-72.html', path: 'kst-36410-72.html', file: '' },
  { route: '/stcrt-2024-1234.html', path: 'stcrt-2024-1234.html', file: other },
  { route: '/gmb-2017-100007.html', path: 'gmb-2017-100007.html', file: '' },
];
