import { Injectable } from '@nestjs/common';
import { isValidCsrfToken, issueCsrfToken } from './csrf-token';
import { WebSecrets } from './web-secrets.service';

/** Issues and checks CSRF tokens with the key every instance shares. */
@Injectable()
export class CsrfService {
  constructor(private readonly secrets: WebSecrets) {}

  issue(binding: string): string {
    return issueCsrfToken(this.secrets.key('csrf-hmac-key'), binding);
  }

  isValid(binding: string, token: unknown): boolean {
    return isValidCsrfToken(this.secrets.key('csrf-hmac-key'), binding, token);
  }
}
