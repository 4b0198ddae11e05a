/** The rules of pilot values: one zod schema per field definition, used for writes and for reads. */
import { z } from 'zod';
import type { PilotField } from './define.ts';

const DEFAULT_MAX_LENGTH = 200;
const DEFAULT_MAX_ITEMS = 20;

const dateString = z
  .union([z.date().transform((d) => d.toISOString().slice(0, 10)), z.string()])
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)), { message: 'must be a date YYYY-MM-DD', params: { rule: 'type' } });

function scalarSchema(f: PilotField): z.ZodType {
  switch (f.type) {
    case 'string': {
      let s = z.string().trim();
      if (f.min !== undefined) s = s.min(f.min as number, `must be at least ${f.min} characters`);
      s = s.max((f.max as number | undefined) ?? DEFAULT_MAX_LENGTH, `must be at most ${(f.max as number | undefined) ?? DEFAULT_MAX_LENGTH} characters`);
      let out: z.ZodType<string> = s.refine((v) => !v.includes('\0'), { message: 'must not contain NUL characters', params: { rule: 'format' } });
      if (f.pattern !== undefined) {
        const re = new RegExp(`^(?:${f.pattern})$`, 'u');
        out = out.refine((v) => re.test(v), { message: `must match ${f.pattern}`, params: { rule: 'pattern' } });
      }
      if (f.values) out = out.refine((v) => f.values!.includes(v), { message: `must be one of ${f.values.join(', ')}`, params: { rule: 'enum' } });
      return out;
    }
    case 'int':
    case 'float': {
      let n = f.type === 'int' ? z.number().int() : z.number();
      if (f.min !== undefined) n = n.min(f.min as number, `must be at least ${f.min}`);
      if (f.max !== undefined) n = n.max(f.max as number, `must be at most ${f.max}`);
      if (!f.values) return n;
      return n.refine((v) => f.values!.includes(v), { message: `must be one of ${f.values.join(', ')}`, params: { rule: 'enum' } });
    }
    case 'boolean':
      return z.boolean();
    case 'date': {
      let d: z.ZodType<string> = dateString;
      if (f.min !== undefined) d = d.refine((v) => v >= (f.min as string), { message: `must be on or after ${f.min}`, params: { rule: 'min' } });
      if (f.max !== undefined) d = d.refine((v) => v <= (f.max as string), { message: `must be on or before ${f.max}`, params: { rule: 'max' } });
      return d;
    }
    case 'enum':
      return z.enum(f.values as [string, ...string[]]);
  }
}

const schemas = new WeakMap<PilotField, z.ZodType>();

/** The schema of a field's (non-null) value: a scalar, or a list of them. */
export function valueSchema(f: PilotField): z.ZodType {
  let schema = schemas.get(f);
  if (!schema) {
    const scalar = scalarSchema(f);
    const max = f.maxItems ?? DEFAULT_MAX_ITEMS;
    schema = f.list ? z.array(scalar).max(max, `must have at most ${max} items`) : scalar;
    schemas.set(f, schema);
  }
  return schema;
}

/** Why a stored or default value breaks its definition (the rule and a message), or null. */
export function valueProblem(f: PilotField, value: unknown): { rule: string; message: string } | null {
  const result = valueSchema(f).safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  const rule =
    issue.code === 'custom'
      ? String(issue.params?.rule ?? 'custom')
      : issue.code === 'too_small' ? (issue.origin === 'string' ? 'minLength' : 'min')
      : issue.code === 'too_big' ? (issue.origin === 'string' ? 'maxLength' : issue.origin === 'array' ? 'maxItems' : 'max')
      : issue.code === 'invalid_value' ? 'enum'
      : 'type';
  return { rule, message: issue.message };
}
