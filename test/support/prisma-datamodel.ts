// Prisma's datamodel (the `datamodel` part of the DMMF) for a schema text, computed offline.
//
// The `prisma` package ships the WebAssembly build of Prisma's schema parser (the same code as the
// `@prisma/prisma-schema-wasm` package) next to its CLI, which uses it for `getDMMF`. Its JavaScript
// glue is bundled inside the CLI, so this module instantiates the .wasm file itself; the binding needs
// only four imports and string in/string out calls. If a Prisma upgrade changes that binding, this
// module throws on load with a message saying so — the drift test then fails loudly, never passes
// vacuously.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ReferentialAction = 'Cascade' | 'Restrict' | 'NoAction' | 'SetNull' | 'SetDefault';

export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUpdatedAt?: boolean;
  nativeType?: [string, string[]] | null;
  /** A literal (string, number, boolean, list) or a function call such as `{ name: 'now', args: [] }`. */
  default?: unknown;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: ReferentialAction;
  relationOnUpdate?: ReferentialAction;
}

export interface DmmfModel {
  name: string;
  dbName: string | null;
  schema?: string | null;
  fields: DmmfField[];
}

export interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName: string | null }[];
}

export interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  dbName?: string | null;
  algorithm?: string;
  fields: { name: string; sortOrder?: 'asc' | 'desc'; operatorClass?: string }[];
}

export interface Datamodel {
  models: DmmfModel[];
  enums: DmmfEnum[];
  indexes: DmmfIndex[];
}

interface SchemaWasm {
  memory: WebAssembly.Memory;
  __wbindgen_externrefs: WebAssembly.Table;
  __wbindgen_malloc(size: number, align: number): number;
  __wbindgen_free(ptr: number, size: number, align: number): void;
  __externref_table_dealloc(index: number): void;
  __wbindgen_start(): void;
  get_datamodel(ptr: number, len: number): [number, number, number, number];
}

let wasm: SchemaWasm | undefined;
/** Set by the wasm when Rust panics, just before it traps. */
let panicMessage = '';

function loadWasm(): SchemaWasm {
  if (wasm) return wasm;
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('prisma/package.json')), 'build', 'prisma_schema_build_bg.wasm');
  const module = new WebAssembly.Module(readFileSync(file));
  const decoder = new TextDecoder();
  let instance: SchemaWasm | undefined;
  const text = (ptr: number, len: number) => decoder.decode(new Uint8Array(instance!.memory.buffer, ptr, len));
  // wasm-bindgen suffixes import names with a hash that changes between builds; match the stem.
  const shims: [string, (...args: number[]) => unknown][] = [
    ['__wbg_Error_', (ptr, len) => new Error(text(ptr!, len!))],
    ['__wbg___wbindgen_throw_', (ptr, len) => {
      throw new Error(text(ptr!, len!));
    }],
    ['__wbg_set_message_', (ptr, len) => {
      panicMessage = text(ptr!, len!);
    }],
    ['__wbindgen_init_externref_table', () => {
      const table = instance!.__wbindgen_externrefs;
      const offset = table.grow(4);
      table.set(0, undefined);
      table.set(offset, undefined);
      table.set(offset + 1, null);
      table.set(offset + 2, true);
      table.set(offset + 3, false);
    }],
  ];
  const imports: Record<string, Record<string, (...args: number[]) => unknown>> = {};
  for (const { module: from, name } of WebAssembly.Module.imports(module)) {
    const shim = shims.find(([stem]) => name.startsWith(stem));
    if (!shim) {
      throw new Error(`${file} needs an import this loader does not know (${name}); Prisma's schema wasm changed — update test/support/prisma-datamodel.ts`);
    }
    (imports[from] ??= {})[name] = shim[1];
  }
  instance = new WebAssembly.Instance(module, imports).exports as unknown as SchemaWasm;
  instance.__wbindgen_start();
  wasm = instance;
  return wasm;
}

/** Parses and validates a Prisma schema; throws Prisma's validation errors (P1012) as they are. */
export function getDatamodel(schema: string): Datamodel {
  const w = loadWasm();
  const input = new TextEncoder().encode(JSON.stringify({ prismaSchema: schema, noColor: true }));
  const ptr = w.__wbindgen_malloc(input.length, 1);
  new Uint8Array(w.memory.buffer, ptr, input.length).set(input);
  panicMessage = '';
  let result: [number, number, number, number];
  try {
    result = w.get_datamodel(ptr, input.length);
  } catch (error) {
    wasm = undefined; // a trapped instance is unusable
    throw panicMessage ? new Error(`Prisma's schema parser panicked: ${panicMessage}`) : error;
  }
  const [outPtr, outLen, errorRef, failed] = result;
  if (failed) {
    const error = w.__wbindgen_externrefs.get(errorRef) as Error;
    w.__externref_table_dealloc(errorRef);
    let message = error.message;
    try {
      message = (JSON.parse(message) as { message: string }).message;
    } catch {
      // not JSON: keep as is
    }
    throw new Error(`schema.prisma is not valid:\n${message}`);
  }
  try {
    return JSON.parse(new TextDecoder().decode(new Uint8Array(w.memory.buffer, outPtr, outLen))) as Datamodel;
  } finally {
    w.__wbindgen_free(outPtr, outLen, 1);
  }
}
