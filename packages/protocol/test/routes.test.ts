/**
 * The route table is the only place a path is written: docs/openapi.json is what it generates, and no source outside
 * the protocol package spells a route's path in a string.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/openapi.js';
import { routePath, routes } from '../src/routes.js';

const repo = new URL('../../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The text of a source without its comments (a doc comment may name a route). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('the route table', () => {
  it('generates docs/openapi.json as checked in (npm run openapi writes it)', () => {
    const committed = JSON.parse(readFileSync(join(repo, 'docs/openapi.json'), 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it('fills in parameters and queries', () => {
    expect(routePath(routes.getBlob, { sha256: '0xab' })).toBe('/v1/blobs/0xab');
    expect(routePath(routes.getReceipt, { requestId: '0x01' }, { executor: undefined })).toBe('/v1/receipts/0x01');
    expect(routePath(routes.charges, {}, { executor: '0xcd' })).toBe('/v1/charges?executor=0xcd');
    expect(() => routePath(routes.getBlob)).toThrow(/sha256/);
  });

  it('is the only place a route path is written: no source outside protocol spells one', () => {
    // The static part of each path, as it would appear in a string: "/v1/infer", "/v1/blobs/", "/health".
    const paths = [...new Set(Object.values(routes).map((r) => r.path.replace(/:.*$/, '')))];
    const offenders: string[] = [];
    for (const pkg of readdirSync(join(repo, 'packages'))) {
      if (pkg === 'protocol') continue;
      const dir = join(repo, 'packages', pkg, 'src');
      if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) continue;
      for (const file of sources(dir)) {
        const text = code(readFileSync(file, 'utf8'));
        for (const path of paths) {
          const quoted = new RegExp(`['"\`]${path.replace(/[/.]/g, '\\$&')}(?![A-Za-z/])`);
          if (quoted.test(text) || text.includes(`}${path}\``) || text.includes(`}${path}'`)) offenders.push(`${file}: ${path}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
