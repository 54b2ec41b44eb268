import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import { createShell } from '../session';

const shell = () => createShell({ cluster: createCluster({ seed: 'tls', now: Date.UTC(2025, 0, 1) }) });

describe('openssl (TLS lab subset)', () => {
  it('makes a key and a self-signed certificate that kubectl accepts as a TLS Secret', async () => {
    const sh = shell();
    expect(await sh.exec('openssl genrsa -out key.pem 2048')).toEqual({ output: '', exitCode: 0 });
    expect((await sh.exec('openssl req -x509 -new -nodes -key key.pem -days 365 -out cert.pem -subj "/CN=www.app.com"')).exitCode).toBe(0);
    const key = (await sh.exec('cat key.pem')).output;
    expect(key).toMatch(/^-----BEGIN PRIVATE KEY-----\n([A-Za-z0-9+/=]{64}\n)+[A-Za-z0-9+/=]{1,64}\n-----END PRIVATE KEY-----\n$/);
    expect((await sh.exec('head -1 cert.pem')).output).toBe('-----BEGIN CERTIFICATE-----\n');
    // Deterministic for the same lab and arguments.
    const again = shell();
    await again.exec('openssl genrsa -out key.pem 2048');
    expect((await again.exec('cat key.pem')).output).toBe(key);
    expect((await sh.exec('kubectl create secret tls app-tls --key key.pem --cert cert.pem')).output).toBe('secret/app-tls created\n');
  });

  it('fails like openssl on a missing key, and asks for -subj instead of prompting', async () => {
    const sh = shell();
    const missing = await sh.exec('openssl req -x509 -new -key nope.pem -out c.pem -subj "/CN=x"');
    expect(missing).toEqual({ output: 'Could not open file or uri for loading private key from nope.pem\n', exitCode: 1 });
    expect((await sh.exec('openssl req -x509 -newkey rsa:2048 -nodes -keyout k -out c')).output).toContain('-subj');
    expect(await sh.exec('openssl foo')).toEqual({ output: 'Invalid command \'foo\'; type "help" for a list.\n', exitCode: 1 });
  });
});
