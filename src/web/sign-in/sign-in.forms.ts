import { IsNotEmpty, Matches, MaxLength, ValidateIf } from 'class-validator';
import { Transform } from 'class-transformer';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const digitsOnly = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/[\s-]/g, '') : value;

export class SignInForm {
  @Transform(trim)
  @IsNotEmpty({ message: 'Enter your email address' })
  @MaxLength(254, { message: 'Email address must be 254 characters or fewer' })
  email!: string;

  @IsNotEmpty({ message: 'Enter your password' })
  @MaxLength(256, { message: 'Password must be 256 characters or fewer' })
  password!: string;
}

export class SecurityCodeForm {
  @Transform(digitsOnly)
  @IsNotEmpty({ message: 'Enter the security code from your authenticator app' })
  @Matches(/^\d{6}$/, { message: 'Security code must be 6 digits' })
  code!: string;
}

export class ChangePasswordForm {
  @IsNotEmpty({ message: 'Enter your current password' })
  currentPassword!: string;

  @IsNotEmpty({ message: 'Enter a new password' })
  @MaxLength(256, { message: 'New password must be 256 characters or fewer' })
  newPassword!: string;

  @ValidateIf((form: ChangePasswordForm) => Boolean(form.newPassword))
  @IsNotEmpty({ message: 'Confirm your new password' })
  confirmPassword!: string;
}

/** Only a path on this service, never another site: `returnTo` comes from the address bar. */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 500) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (/^\/(sign-in|sign-out)(\/|\?|$)/.test(value)) return '/';
  return value;
}
