import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments, parseDocument } from 'yaml';

/** The repository root; the compiled file runs from tools/deploy-check/dist/. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function repoPath(...segments: string[]): string {
  return join(repoRoot, ...segments);
}

export function readRepoFile(...segments: string[]): string {
  return readFileSync(repoPath(...segments), 'utf8');
}

/** The app projects: every directory under apps/. */
export function listApps(): string[] {
  return readdirSync(repoPath('apps'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** YAML files under `dir`, relative to it with forward slashes, sorted. */
export function listYamlFiles(dir: string, prefix = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix === '' ? entry.name : posix.join(prefix, entry.name);
    if (entry.isDirectory()) {
      files.push(...listYamlFiles(dir, path));
    } else if (/\.ya?ml$/.test(entry.name)) {
      files.push(path);
    }
  }
  return files.sort();
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata?: {
    name?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

/** One document of a manifest file. */
export interface Manifest {
  file: string;
  index: number;
  object: KubeObject;
}

export interface ManifestFile {
  file: string;
  /** Parse errors and warnings, and documents that are not Kubernetes objects. */
  problems: string[];
  manifests: Manifest[];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isKubeObject(value: unknown): value is KubeObject {
  return isRecord(value) && typeof value.apiVersion === 'string' && typeof value.kind === 'string';
}

/** Every document of a multi-document YAML file, each of which must be a Kubernetes object. */
export function loadManifestFile(dir: string, file: string): ManifestFile {
  const problems: string[] = [];
  const manifests: Manifest[] = [];
  parseAllDocuments(readFileSync(join(dir, file), 'utf8')).forEach((document, index) => {
    const issues = [...document.errors, ...document.warnings].map((issue) => issue.message);
    problems.push(...issues.map((issue) => `document ${String(index)}: ${issue}`));
    if (issues.length > 0) return;
    const object: unknown = document.toJS();
    if (object === null || object === undefined) return;
    if (isKubeObject(object)) {
      manifests.push({ file, index, object });
    } else {
      problems.push(`document ${String(index)}: not an object with apiVersion and kind`);
    }
  });
  return { file, problems, manifests };
}

/** A single-document YAML file with `<<` merge keys resolved, as docker compose reads it. */
export function loadYamlWithMerges(path: string): { problems: string[]; value: unknown } {
  const document = parseDocument(readFileSync(path, 'utf8'), { merge: true });
  const problems = [...document.errors, ...document.warnings].map((issue) => issue.message);
  return { problems, value: problems.length > 0 ? undefined : document.toJS() };
}
