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

export interface AuthenticatedUser {
  user: string;
  fullName: string;
  roles: string[];
}
