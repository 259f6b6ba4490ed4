/**
 * fflate's raw DEFLATE for the zip container (zip-write.ts) where Node's
 * zlib is not: the pane and app.html. Level 1: several times quicker than
 * the default on a district's 3 MB of XML, files a little larger.
 */
import { deflateSync } from 'fflate';
import type { DeflateRaw } from './zip-write';

export const fflateDeflateRaw: DeflateRaw = (data) => deflateSync(data, { level: 1 });
