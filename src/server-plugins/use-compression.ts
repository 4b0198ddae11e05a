import { pipeline, Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, createBrotliCompress, createGzip, gzipSync } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

/** Bodies worth compressing: GraphQL results, exports, GraphiQL. Event streams are never buffered. */
const COMPRESSIBLE = /^(application\/(json|graphql-response\+json|x-ndjson)|text\/(csv|html|plain))\b/;
const MIN_BYTES = 1024;

/** The encoding to use for an `Accept-Encoding` header: brotli, else gzip, honouring `q=0`. */
export function chooseEncoding(accept: string | null): 'br' | 'gzip' | undefined {
  if (!accept) return undefined;
  const offered = new Map<string, number>();
  for (const part of accept.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    offered.set(name!, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (offered.get(name) ?? (offered.get('*') ?? 0)) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return undefined;
}

/**
 * Compresses responses (brotli or gzip, as the client accepts) for JSON results, CSV and NDJSON
 * exports and GraphiQL, streamed (an export is compressed as it is written). Skips small bodies,
 * SSE and multipart streams (compression would hold events back) and responses already encoded.
 * Request bodies are not decompressed: a compressed upload could expand past the body limit.
 */
export function useCompression(): Plugin {
  // Pages (GraphiQL, ~9 MB of bundled scripts) are the same for everyone: compressed once, not per request.
  const pages = new Map<string, Buffer>();
  const compressPage = (html: string, encoding: 'br' | 'gzip') => {
    const key = `${encoding}:${createHash('sha256').update(html).digest('base64')}`;
    let compressed = pages.get(key);
    if (!compressed) {
      compressed = encoding === 'br' ? brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : gzipSync(html, { level: 6 });
      if (pages.size >= 8) pages.delete(pages.keys().next().value!);
      pages.set(key, compressed);
    }
    return compressed;
  };
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      if (!response.body || response.headers.has('content-encoding')) return;
      if (!COMPRESSIBLE.test(response.headers.get('content-type') ?? '')) return;
      const length = response.headers.get('content-length');
      if (length !== null && Number(length) < MIN_BYTES) return;
      const encoding = chooseEncoding(request.headers.get('accept-encoding'));
      if (!encoding) return;
      if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
        const headers = new fetchAPI.Headers(response.headers);
        headers.set('content-encoding', encoding);
        headers.delete('content-length');
        headers.append('vary', 'accept-encoding');
        const page = compressPage(await response.text(), encoding);
        setResponse(new fetchAPI.Response(new Uint8Array(page), { status: response.status, statusText: response.statusText, headers }));
        return;
      }
      // Per response, so the fast levels (nginx compresses with gzip level 1 by default): a result
      // of 100 activities (34 KB) is 10% larger than at level 6 and takes half the time.
      const compressor =
        encoding === 'br'
          ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
          : createGzip({ level: 1 });
      // pipeline: an error or a client that goes away ends both sides.
      const body = pipeline(Readable.from(response.body as unknown as AsyncIterable<Uint8Array>), compressor, () => {});
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('content-encoding', encoding);
      headers.delete('content-length');
      headers.append('vary', 'accept-encoding');
      setResponse(
        // yoga's Response takes a Node stream as its body (and so streams it without copying).
        new fetchAPI.Response(body as unknown as ReadableStream, { status: response.status, statusText: response.statusText, headers }),
      );
    },
  };
}
