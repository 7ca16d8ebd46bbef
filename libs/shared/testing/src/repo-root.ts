import { fileURLToPath } from 'node:url';

/** The workspace root, from this file's compiled location (libs/shared/testing/dist). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
