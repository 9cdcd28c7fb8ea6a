/** Node's zlib: gzip level 9 and brotli quality 11, affordable because each document is compressed once. */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Compressor } from './compress.js';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export const nodeCompressor: Compressor = {
  gzip: async (bytes) => new Uint8Array(await gzipAsync(bytes, { level: 9 })),
  brotli: async (bytes) =>
    new Uint8Array(
      await brotliAsync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
    ),
};
