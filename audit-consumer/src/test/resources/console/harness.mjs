// Runs the console's own proof-checking functions (console.js, loaded unchanged) under Node's WebCrypto
// on vectors given as JSON on stdin; prints one JSON result. Used by ConsoleScriptTest.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const [script] = process.argv.slice(2);
const context = vm.createContext({
  crypto: globalThis.crypto, TextEncoder, atob, btoa, BigInt, Uint8Array, JSON, Object, Array, String, Error,
  document: { addEventListener() {} }, sessionStorage: { getItem() { return null; } },
});
vm.runInContext(readFileSync(script, 'utf8'), context);
// top-level const bindings live in the realm's global lexical scope, not on the global object
const page = vm.runInContext('({ canonical, leafHash, rootFromInclusionProof })', context);
const input = JSON.parse(readFileSync(0, 'utf8'));
const b64 = (bytes) => Buffer.from(bytes).toString('base64');
const out = { canonical: page.canonical(input.event), leafHashes: [], roots: [] };
out.leafHash = b64(await page.leafHash(new TextEncoder().encode(out.canonical)));
for (const p of input.proofs) {
  const leaf = Uint8Array.from(Buffer.from(p.leafHash, 'base64'));
  try {
    const root = await page.rootFromInclusionProof(p.index, p.size, leaf,
      p.proof.map((h) => Uint8Array.from(Buffer.from(h, 'base64'))));
    out.roots.push(b64(root));
  } catch (e) {
    out.roots.push('error: ' + e.message);
  }
}
process.stdout.write(JSON.stringify(out));
