import { IsString, Length } from 'class-validator';

/** Asks agent-service who owns an API key pair; answers `AuthenticatedUser` or AuthenticationError. */
export class AuthenticateApiKeyDto {
  @IsString()
  @Length(1, 200)
  apiKey!: string;

  @IsString()
  @Length(1, 200)
  apiSecret!: string;
}

/** `POST /api/method/login`'s `usr`/`pwd`; answers `SessionUser` or AuthenticationError. */
export class AuthenticatePasswordDto {
  @IsString()
  @Length(1, 140)
  usr!: string;

  @IsString()
  @Length(1, 256)
  pwd!: string;
}

/** Asks who a login session's user is now; answers `SessionUser` or AuthenticationError. */
export class SessionUserDto {
  @IsString()
  @Length(1, 140)
  user!: string;
}

export interface AuthenticatedUser {
  user: string;
  fullName: string;
  roles: string[];
}

export interface SessionUser extends AuthenticatedUser {
  userType: 'System User' | 'Website User';
  /** Sessions opened before this instant are over (ISO time; null: never set). */
  passwordSetAt: string | null;
}
