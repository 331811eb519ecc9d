import { Injectable } from '@nestjs/common';
import { seal, unseal } from '../security/seal';
import { WebSecrets } from '../security/web-secrets.service';

const DRAFT_SECONDS = 60 * 60;

/**
 * Answers carried between the pages of a form without a server-side store: sealed (encrypted and
 * signed) into a hidden field or a "Change" link, so "check your answers" works with JavaScript off and
 * on any instance. Open the draft again before acting on it; a tampered or stale one opens as undefined.
 */
@Injectable()
export class FormDrafts {
  constructor(private readonly secrets: WebSecrets) {}

  seal(answers: Record<string, unknown>): string {
    return seal(this.secrets.key('seal-key'), answers, DRAFT_SECONDS);
  }

  open(sealed: unknown): Record<string, unknown> | undefined {
    return unseal<Record<string, unknown>>(this.secrets.key('seal-key'), sealed);
  }
}
