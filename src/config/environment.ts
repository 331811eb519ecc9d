import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : value === 'true'
      ? true
      : value === 'false'
        ? false
        : value;
// An empty MFA_REQUIRED_ROLES is meaningful: it switches the second factor off for every role.
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

export const ROLE_NAMES = [
  'system-admin',
  'cdop-admin',
  'designated-doctor',
  'cdop-panel-member',
  'la-notifier',
  'dcs',
  'safeguarding-partner',
  'partnership-manager',
  'reviewer',
  'read-only',
] as const;

/**
 * Every setting the portal reads from the environment. Validated once at boot so a bad value stops the
 * start with a message naming the variable, instead of failing later in the middle of someone's work.
 */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt({ message: 'PORT must be a whole number between 1 and 65535' })
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  @IsString()
  DATA_DIR = './.data';

  @Transform(toInt)
  @IsInt({ message: 'EMBEDDED_PG_PORT must be a whole number between 1024 and 65535' })
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  @Transform(toList)
  @IsIn(ROLE_NAMES, {
    each: true,
    message: `MFA_REQUIRED_ROLES must list roles from: ${ROLE_NAMES.join(', ')}`,
  })
  MFA_REQUIRED_ROLES: string[] = ['system-admin', 'cdop-admin'];

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_PER_MINUTE = 20;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_LOCKOUT_ATTEMPTS = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_LOCKOUT_MINUTES = 15;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  TOKEN_TTL_MINUTES = 60;

  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(720)
  SESSION_IDLE_MINUTES = 30;

  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'PUBLIC_URL must be an http(s) URL' },
  )
  PUBLIC_URL?: string;

  @IsOptional()
  @IsString()
  SMTP_HOST?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT = 587;

  @Transform(toBool)
  @IsBoolean({ message: 'SMTP_SECURE must be true or false' })
  SMTP_SECURE = false;

  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @IsOptional()
  @IsString()
  SMTP_PASSWORD?: string;

  @IsEmail({ require_tld: false }, { message: 'MAIL_FROM must be an email address' })
  MAIL_FROM = 'no-reply@cdr-portal.local';

  @IsOptional()
  @IsString()
  CHROME_PATH?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(16)
  PDF_CONCURRENCY = 2;

  @Transform(toInt)
  @IsInt()
  @Min(1000)
  PDF_TIMEOUT_MS = 30000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toBool)
  @IsBoolean({ message: 'SCHEDULER_ENABLED must be true or false' })
  SCHEDULER_ENABLED = true;

  @Transform(toInt)
  @IsInt()
  @Min(5)
  REMINDER_TICK_SECONDS = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

  @IsOptional()
  @IsString()
  ATTACHMENTS_DIR?: string;

  @Transform(toBool)
  @IsBoolean({ message: 'TRUST_PROXY must be true or false' })
  TRUST_PROXY = false;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  SERVICE_NAME?: string;
}

export class EnvironmentError extends Error {}

export function loadEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const present = Object.fromEntries(
    Object.keys(new Environment())
      .concat(['DATABASE_URL', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'PUBLIC_URL', 'SMTP_HOST', 'SMTP_USER'])
      .concat(['SMTP_PASSWORD', 'CHROME_PATH', 'ATTACHMENTS_DIR', 'SERVICE_NAME'])
      .filter((key) => env[key] !== undefined && (env[key] !== '' || key === 'MFA_REQUIRED_ROLES'))
      .map((key) => [key, env[key]]),
  );
  const config = plainToInstance(Environment, present, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    // Decorators apply bottom-up, so the last constraint is the first one declared: the type check.
    const reasons = errors.flatMap((e) => Object.values(e.constraints ?? {}).slice(-1));
    throw new EnvironmentError(`Invalid environment: ${reasons.join('; ')}`);
  }
  if (config.NODE_ENV === 'production') assertProductionReady(config);
  return config;
}

/** Production refuses settings that are only safe on a developer's machine. */
function assertProductionReady(config: Environment): void {
  const reasons: string[] = [];
  if (!config.PUBLIC_URL?.startsWith('https://')) {
    reasons.push('PUBLIC_URL must be an https:// URL when NODE_ENV=production');
  }
  if (config.ADMIN_PASSWORD && config.ADMIN_PASSWORD.length < 16) {
    reasons.push('ADMIN_PASSWORD must be at least 16 characters when NODE_ENV=production');
  }
  if (reasons.length) throw new EnvironmentError(`Invalid environment: ${reasons.join('; ')}`);
}
