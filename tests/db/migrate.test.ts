import { describe, expect, it } from 'vitest';
import { unsupportedServerMessage } from '@/db/migrate';

// runMigrations checks server_version_num before the first migration (UNIQUE NULLS NOT DISTINCT needs 15).
describe('the PostgreSQL version the migrations need', () => {
  it('refuses a server older than 15, naming its version', () => {
    expect(unsupportedServerMessage(140013)).toBe('Chargewatch needs PostgreSQL 15 or newer; this server runs 14.13');
    expect(unsupportedServerMessage(130020)).toBe('Chargewatch needs PostgreSQL 15 or newer; this server runs 13.20');
    expect(unsupportedServerMessage(90624)).toBe('Chargewatch needs PostgreSQL 15 or newer; this server runs 9.6.24');
  });

  it('accepts 15 and newer', () => {
    expect(unsupportedServerMessage(150000)).toBeNull();
    expect(unsupportedServerMessage(150018)).toBeNull();
    expect(unsupportedServerMessage(180001)).toBeNull();
  });
});
