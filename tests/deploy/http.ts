// Raw HTTP for the deploy tests: the bytes as the server sent them (no automatic decompression),
// so a test sees which encoding nginx chose.
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  /** The body as sent (compressed if Content-Encoding says so). */
  body: Buffer;
  /** The body decoded from its Content-Encoding. */
  decoded: Buffer;
}

/** GETs a URL, sending `Accept-Encoding` as given (none by default) and any other headers. */
export function get(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        const flat: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers))
          flat[name] = Array.isArray(value) ? value.join(', ') : (value ?? '');
        const encoding = flat['content-encoding'];
        const decoded =
          encoding === 'br'
            ? brotliDecompressSync(body)
            : encoding === 'gzip'
              ? gunzipSync(body)
              : body;
        resolve({ status: response.statusCode ?? 0, headers: flat, body, decoded });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** What browsers send. */
export const browserEncodings = { 'accept-encoding': 'gzip, deflate, br' };
