import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defaultExtractPersistedOperationId, usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { appError, ErrorCode } from '../errors.ts';

/** The frontend's trusted documents: GraphQL Code Generator's `persisted-documents.json` (hash → document). */
export interface TrustedDocuments {
  /** Keyed `sha256:<hex>`, as the client preset writes them. */
  byHash: ReadonlyMap<string, string>;
  /** Only these documents are accepted (else: these by hash, and any other document as text). */
  only: boolean;
}

/** The document for a `documentId` (`sha256:<hex>`) or an APQ-style hash (`<hex>`). */
const lookup = (documents: TrustedDocuments, key: string) => documents.byHash.get(key) ?? documents.byHash.get(`sha256:${key}`);

/** Reads the manifest; throws one line naming the file when it is missing or malformed. */
export function loadTrustedDocuments(file: string, only: boolean): TrustedDocuments {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`TRUSTED_DOCUMENTS ${file} cannot be read as JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || !Object.values(parsed).every((v) => typeof v === 'string')) {
    throw new Error(`TRUSTED_DOCUMENTS ${file} must map document hashes to documents (codegen's persisted-documents.json)`);
  }
  const byHash = new Map(Object.entries(parsed as Record<string, string>));
  return { byHash, only };
}

const untrusted = () =>
  appError(ErrorCode.BAD_USER_INPUT, 'Only trusted documents are accepted: send the documentId of a document generated with the frontend.', {
    field: 'documentId',
    rule: 'trustedDocument',
  });
const unknownId = () =>
  appError(ErrorCode.BAD_USER_INPUT, 'No trusted document has this documentId.', { field: 'documentId', rule: 'trustedDocument' });

/**
 * Trusted documents over HTTP (yoga's persisted-operations plugin): `documentId` (or
 * `extensions.persistedQuery.sha256Hash`) names a document of the manifest; in `only` mode nothing
 * else runs.
 */
export function useTrustedDocuments(documents: TrustedDocuments): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (key) => lookup(documents, key) ?? null,
    allowArbitraryOperations: !documents.only,
    // The GraphQL-over-HTTP `documentId`, or Apollo's `extensions.persistedQuery.sha256Hash`.
    extractPersistedOperationId: (params, request, context) => {
      const id = (params as { documentId?: unknown }).documentId;
      return typeof id === 'string' ? id : defaultExtractPersistedOperationId(params, request, context);
    },
    customErrors: { notFound: () => unknownId(), persistedQueryOnly: () => untrusted(), keyNotFound: () => unknownId() },
  });
}

/**
 * The same rule for graphql-ws, whose subscribe messages yoga's plugin does not see: the document
 * to run for `params`, or the error to answer with.
 */
export function trustedQueryOf(
  documents: TrustedDocuments | undefined,
  params: { query?: string; extensions?: Record<string, unknown> | null; documentId?: unknown },
): string | GraphQLError {
  const persisted = (params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash ?? params.documentId;
  if (documents && typeof persisted === 'string') return lookup(documents, persisted) ?? unknownId();
  // As text, only a manifest document exactly as the manifest has it.
  const known = (text: string) => documents!.byHash.has(`sha256:${createHash('sha256').update(text).digest('hex')}`);
  if (documents?.only && !(params.query && known(params.query))) return untrusted();
  return params.query || untrusted();
}
