import { Environment } from './environment';

/** The validated environment, injected wherever a setting is needed. */
export class AppConfig extends Environment {
  get publicUrl(): string {
    return (this.PUBLIC_URL ?? `http://localhost:${this.PORT}`).replace(/\/$/, '');
  }

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}
