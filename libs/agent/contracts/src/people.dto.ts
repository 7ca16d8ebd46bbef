import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export const CHECK = [0, 1, true, false];

/** Frappe Check values arrive as 0/1 or booleans. */
export function checked(value: 0 | 1 | boolean | undefined): boolean | undefined {
  return value === undefined ? undefined : value === 1 || value === true;
}

/** Frappe sends list and dict arguments either as JSON or as a JSON string. */
export function jsonList({ value }: { value: unknown }): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Body of `POST /api/resource/HD Agent`. */
export class CreateHdAgentDto {
  @IsOptional()
  @IsIn(['HD Agent'])
  doctype?: string;

  @IsDefined()
  @IsNotEmpty()
  @IsString()
  @MaxLength(140)
  user!: string;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  agent_name?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  user_image?: string | null;

  @IsOptional()
  @IsIn(CHECK)
  is_active?: 0 | 1 | boolean;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  availability?: string | null;
}

/** Changes of `PUT /api/resource/HD Agent/<user>`; a whole document saved back is accepted. */
export class UpdateHdAgentDto {
  @IsOptional()
  @IsString()
  @MaxLength(140)
  user?: string;

  @IsOptional()
  availability_changed_on?: string | null;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(140)
  agent_name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  user_image?: string | null;

  @IsOptional()
  @IsIn(CHECK)
  is_active?: 0 | 1 | boolean;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  availability?: string;
}

/** What Frappe sends with every child-table row besides its own fields; all of it is ignored. */
export class ChildRowDto {
  @IsOptional()
  @IsString()
  @MaxLength(140)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  parent?: string;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  parentfield?: string;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  parenttype?: string;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  doctype?: string;

  @IsOptional()
  idx?: number;

  @IsOptional()
  docstatus?: number;

  @IsOptional()
  @IsString()
  owner?: string;

  @IsOptional()
  @IsString()
  creation?: string;

  @IsOptional()
  @IsString()
  modified?: string;

  @IsOptional()
  @IsString()
  modified_by?: string;
}

/** One row of HD Team's `users` (HD Team Member). */
export class HdTeamMemberDto extends ChildRowDto {
  @IsDefined()
  @IsString()
  @MaxLength(140)
  user!: string;
}

/** Body of `POST /api/resource/HD Team`. */
export class CreateHdTeamDto {
  @IsOptional()
  @IsIn(['HD Team'])
  doctype?: string;

  @IsDefined()
  @IsNotEmpty()
  @IsString()
  @MaxLength(140)
  team_name!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => HdTeamMemberDto)
  users?: HdTeamMemberDto[];

  @IsOptional()
  @IsIn(CHECK)
  ignore_restrictions?: 0 | 1 | boolean;

  @IsOptional()
  @IsIn(CHECK)
  disabled?: 0 | 1 | boolean;
}

/** Changes of `PUT /api/resource/HD Team/<name>`; a whole document saved back is accepted. */
export class UpdateHdTeamDto {
  @IsOptional()
  @IsString()
  @MaxLength(140)
  team_name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  assignment_rule?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => HdTeamMemberDto)
  users?: HdTeamMemberDto[];

  @IsOptional()
  @IsIn(CHECK)
  ignore_restrictions?: 0 | 1 | boolean;

  @IsOptional()
  @IsIn(CHECK)
  disabled?: 0 | 1 | boolean;
}

/** One row of User's `roles` (Has Role). */
export class HasRoleDto extends ChildRowDto {
  @IsDefined()
  @IsString()
  @MaxLength(140)
  role!: string;
}

/** Body of `POST /api/resource/User`. */
export class CreateUserDto {
  @IsOptional()
  @IsIn(['User'])
  doctype?: string;

  @IsDefined()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(140)
  email!: string;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  first_name?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  last_name?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  user_image?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => HasRoleDto)
  roles?: HasRoleDto[];

  @IsOptional()
  @IsIn(CHECK)
  send_welcome_email?: 0 | 1 | boolean;

  /** Frappe's User `new_password`: set, hashed and never stored or echoed as given. */
  @IsOptional()
  @IsString()
  @Length(8, 256, { message: 'new_password must be 8 to 256 characters' })
  new_password?: string;
}

/** Changes of `PUT /api/resource/User/<name>`; roles are replaced as a whole when given. */
export class UpdateUserDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(140)
  first_name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  last_name?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  user_image?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  time_zone?: string | null;

  @IsOptional()
  @IsIn(CHECK)
  enabled?: 0 | 1 | boolean;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => HasRoleDto)
  roles?: HasRoleDto[];

  /** Frappe's User `new_password`: set, hashed and never stored or echoed as given. */
  @IsOptional()
  @IsString()
  @Length(8, 256, { message: 'new_password must be 8 to 256 characters' })
  new_password?: string;
}

/** `frappe.core.doctype.user.user.generate_keys`. */
export class GenerateKeysArgs {
  @IsDefined()
  @IsNotEmpty()
  @IsString()
  @MaxLength(140)
  user!: string;
}

/** `helpdesk.api.agent.sent_invites`. */
export class SentInvitesArgs {
  @IsDefined()
  @Transform(jsonList)
  @IsArray()
  @ArrayMaxSize(500)
  @IsEmail({}, { each: true, message: 'each of emails must be a valid email address' })
  emails!: string[];

  @IsOptional()
  @IsIn(CHECK)
  send_welcome_mail_to_user?: 0 | 1 | boolean;
}

/** `helpdesk.api.agent.set_my_availability`. */
export class SetMyAvailabilityArgs {
  @IsDefined()
  @IsNotEmpty()
  @IsString()
  @MaxLength(140)
  availability!: string;
}

/** `…hd_team.hd_team.get_team_members`. */
export class GetTeamMembersArgs {
  @IsDefined()
  @IsNotEmpty()
  @IsString()
  @MaxLength(140)
  team!: string;
}

/** `…hd_agent.hd_agent.update_agent_role`. */
export class UpdateAgentRoleArgs {
  @IsDefined()
  @IsNotEmpty()
  @IsString()
  @MaxLength(140)
  user!: string;

  @IsDefined()
  @IsIn(['Manager', 'Agent'])
  new_role!: 'Manager' | 'Agent';
}
