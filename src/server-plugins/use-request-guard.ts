import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../errors.ts';
import type { Logger } from '../logger.ts';

/** A malformed request: 400 with BAD_REQUEST, whatever part of it was wrong. */
export function badRequest(message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_REQUEST, ...extensions, http: { status: 400 } } });
}

/**
 * Every way yoga's request parsers can fail ends as a coded 400: GET parameters that are not JSON
 * (`variables={"a":`), multipart forms that are not GraphQL multipart requests, and any other error
 * a parser throws without a code.
 */
export function useRequestGuard(): Plugin {
  return {
    onRequestParse: ({ requestParser, setRequestParser }) => {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (error instanceof GraphQLError) {
            if (error.extensions?.code) throw error;
            throw badRequest(error.message);
          }
          throw badRequest(
            error instanceof SyntaxError ? 'A request parameter (variables or extensions) is not valid JSON.' : 'The request could not be read.',
            { rule: error instanceof SyntaxError ? 'json' : 'format' },
          );
        }
      });
    },
  };
}

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * In front of yoga on the Node server: a request whose target and Host do not make a URL
 * (`Host: a b`, `PUT *`) gets a coded 400 here, instead of an error with a stack from the adapter.
 */
export function guardHttpEdge(handler: NodeHandler, log: Logger): NodeHandler {
  return (req, res) => {
    let valid = typeof req.url === 'string' && req.url.startsWith('/');
    if (valid) {
      try {
        new URL(req.url!, `http://${req.headers.host ?? 'localhost'}`);
      } catch {
        valid = false;
      }
    }
    if (valid) {
      // A body refused unread (413) leaves bytes on the connection: it cannot carry another request.
      const writeHead = res.writeHead;
      res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
        if (status === 413) res.shouldKeepAlive = false;
        return (writeHead as (...args: unknown[]) => ServerResponse).call(this, status, ...rest);
      } as typeof res.writeHead;
      return handler(req, res);
    }
    const error = badRequest('The request target or Host header is not valid.', { rule: 'url' });
    log.info({ codes: [ErrorCode.BAD_REQUEST], method: req.method?.slice(0, 20) }, 'request refused');
    const { http: _http, ...extensions } = error.extensions;
    res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
    res.end(JSON.stringify({ errors: [{ message: error.message, extensions }] }));
  };
}
