import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, IsOptional } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'sam.patel@northshire.gov.uk' })
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(256)
  password!: string;

  @ApiPropertyOptional({ description: 'The 6-digit code from the authenticator app, once enrolled' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  otp?: string;
}

export class OtpDto {
  @ApiProperty({ description: 'The 6-digit code the authenticator app shows now' })
  @Matches(/^\d{6}$/, { message: 'otp must be the 6-digit code from your authenticator app' })
  otp!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(256)
  currentPassword!: string;

  @ApiProperty({ description: 'At least 12 characters and not a commonly used password' })
  @IsString()
  @MaxLength(256)
  newPassword!: string;
}
