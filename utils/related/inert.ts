// An inert HTML parser for the background: the browser's DOMParser where there is one (Firefox's background page),
// else linkedom (Chrome's service worker has no DOM): a DOM built by a parser written in JavaScript, which has no
// way to run a script or load anything.

import { DOMParser as LinkedomParser } from 'linkedom';
import { domParse, type InertParse } from './fetch';

export const backgroundParse: InertParse =
  typeof DOMParser === 'function'
    ? domParse
    : (html) => new LinkedomParser().parseFromString(html, 'text/html') as unknown as Document;
