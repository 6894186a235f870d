import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway CA and a leaf certificate for 127.0.0.1, valid for a day. */
export interface LoopbackCertificates {
  /** The CA, to trust in the client (PEM). */
  ca: string;
  /** The server certificate for 127.0.0.1 (PEM), signed by `ca`. */
  cert: string;
  /** Its private key (PEM). */
  key: string;
}

/**
 * Makes {@link LoopbackCertificates} with `openssl` in a temporary directory, removed afterwards.
 * The official ARM client refuses bearer tokens over http, loopback included, so the emulator
 * speaks https with these and the client trusts the CA through its `agent` option, as a user
 * behind a TLS-inspecting proxy would configure it.
 */
export function makeLoopbackCertificates(): LoopbackCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'azlro-official-sdk-'));
  try {
    const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    openssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=azlro official-sdk test CA');
    openssl('req', ...ec, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=127.0.0.1');
    writeFileSync(join(dir, 'leaf.ext'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n');
    openssl('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'leaf.pem', '-days', '1', '-extfile', 'leaf.ext');
    const read = (file: string) => readFileSync(join(dir, file), 'utf8');
    return { ca: read('ca.pem'), cert: read('leaf.pem'), key: read('leaf.key') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
