import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

/** The keys the pages use: signing CSRF tokens, and sealing state the browser holds (a sign-in waiting for
 * its security code, a form's answers on the way to "check your answers"). */
export type WebSecretName = 'csrf-hmac-key' | 'seal-key';
const NAMES: WebSecretName[] = ['csrf-hmac-key', 'seal-key'];

/**
 * Keys kept in PostgreSQL: the first instance to start generates each one and every other instance reads
 * the same, so a page rendered by one instance can post to any other.
 */
@Injectable()
export class WebSecrets implements OnModuleInit {
  private readonly keys = new Map<WebSecretName, Buffer>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    for (const name of NAMES) {
      await this.dataSource.query(
        `INSERT INTO web_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
        [name, randomBytes(32).toString('base64')],
      );
    }
    const rows: { name: WebSecretName; value: string }[] = await this.dataSource.query(
      `SELECT name, value FROM web_secret WHERE name = ANY($1::text[])`,
      [NAMES],
    );
    for (const row of rows) this.keys.set(row.name, Buffer.from(row.value, 'base64'));
  }

  key(name: WebSecretName): Buffer {
    const key = this.keys.get(name);
    if (!key) throw new Error(`web secret ${name} not loaded: the web module has not been initialised`);
    return key;
  }
}
