/**
 * The runtime input of the targets that measure changed lines (ready, coverage-gate), which Nx runs
 * while hashing: `node <this file> <projectRoot>` prints the digest of the project's diff against
 * NX_BASE, never NX_BASE itself. Kept to one small import: Nx runs it for every such task it hashes.
 */
import { baseDiffDigest } from '../features/coverage/base-diff';

if (require.main === module) console.log(baseDiffDigest(process.cwd(), process.env.NX_BASE, process.argv[2] ?? '.'));
