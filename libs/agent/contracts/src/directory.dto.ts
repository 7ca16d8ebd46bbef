import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CHECK, ChildRowDto, jsonList } from './people.dto.js';

type Check = 0 | 1 | boolean;

/** One row of Contact's `email_ids` (Contact Email). */
export class ContactEmailDto extends ChildRowDto {
  @IsDefined()
  @IsString()
  @MaxLength(140)
  email_id!: string;

  @IsOptional()
  @IsIn(CHECK)
  is_primary?: Check;
}

/** One row of Contact's `phone_nos` (Contact Phone). */
export class ContactPhoneDto extends ChildRowDto {
  @IsDefined()
  @IsString()
  @MaxLength(140)
  phone!: string;

  @IsOptional()
  @IsIn(CHECK)
  is_primary_phone?: Check;

  @IsOptional()
  @IsIn(CHECK)
  is_primary_mobile_no?: Check;
}

/**
 * Body of `POST /api/resource/Contact` and changes of `PUT`; a whole document saved back is
 * accepted. `email_id`, `phone` and `mobile_no` without rows become the primary row.
 */
export class ContactDocDto {
  @IsOptional() @IsIn(['Contact']) doctype?: string;
  @IsOptional() @IsString() @MaxLength(140) name?: string;
  @IsOptional() @IsString() @MaxLength(140) first_name?: string | null;
  @IsOptional() @IsString() @MaxLength(140) last_name?: string | null;
  @IsOptional() @IsString() @MaxLength(280) full_name?: string | null;
  @IsOptional() @IsString() @MaxLength(140) company_name?: string | null;
  @IsOptional() @IsString() @MaxLength(2000) image?: string | null;
  @IsOptional() @IsString() @MaxLength(140) email_id?: string | null;
  @IsOptional() @IsString() @MaxLength(140) phone?: string | null;
  @IsOptional() @IsString() @MaxLength(140) mobile_no?: string | null;
  @IsOptional() @IsString() @MaxLength(140) user?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ContactEmailDto)
  email_ids?: ContactEmailDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ContactPhoneDto)
  phone_nos?: ContactPhoneDto[];
}

/** One row of HD Customer's `contacts` (HD Customer Member). */
export class HdCustomerMemberDto extends ChildRowDto {
  @IsDefined()
  @IsString()
  @MaxLength(140)
  contact_name!: string;

  @IsOptional()
  @IsIn(CHECK)
  is_manager?: Check;
}

/** Body of `POST /api/resource/HD Customer` and changes of `PUT`. */
export class HdCustomerDocDto {
  @IsOptional() @IsIn(['HD Customer']) doctype?: string;
  @IsOptional() @IsString() @MaxLength(140) name?: string;
  @IsOptional() @IsString() @MaxLength(140) customer_name?: string;
  @IsOptional() @IsString() @MaxLength(140) customer_type?: string | null;
  @IsOptional() @IsString() @MaxLength(140) domain?: string | null;
  @IsOptional() @IsString() @MaxLength(2000) image?: string | null;
  @IsOptional() @IsString() @MaxLength(140) country?: string | null;
  @IsOptional() @IsString() @MaxLength(140) primary_contact?: string | null;
  /** Fetched from the primary contact; what a client sends is ignored. */
  @IsOptional() @IsString() email_id?: string | null;
  @IsOptional() @IsString() mobile_no?: string | null;
  @IsOptional() @IsString() erpnext_customer?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => HdCustomerMemberDto)
  contacts?: HdCustomerMemberDto[];
}

/** `doc` of `helpdesk.api.contact.create_contact`. */
export class NewContactDto {
  @IsOptional() @IsString() @MaxLength(140) first_name?: string | null;
  @IsOptional() @IsString() @MaxLength(140) last_name?: string | null;
  @IsOptional() @IsString() @MaxLength(2000) image?: string | null;
  @IsOptional() @IsString() @MaxLength(140) email?: string | null;
  @IsOptional() @IsString() @MaxLength(140) phone?: string | null;
  @IsOptional() @IsString() @MaxLength(140) customer?: string | null;
}

export class CreateContactArgs {
  @IsDefined()
  @Transform(jsonList)
  @IsObject()
  @ValidateNested()
  @Type(() => NewContactDto)
  doc!: NewContactDto;

  @IsOptional() @IsIn([...CHECK, '0', '1', 'true', 'false']) invite?: Check | string;
}

/** A phone row of `edit_contact`: one `is_primary` marks both primary phone and mobile. */
export class EditedPhoneDto {
  @IsDefined() @IsString() @MaxLength(140) phone!: string;
  @IsOptional() @IsIn(CHECK) is_primary?: Check;
}

export class EditedEmailDto {
  @IsDefined() @IsString() @MaxLength(140) email_id!: string;
  @IsOptional() @IsIn(CHECK) is_primary?: Check;
}

/** `doc` of `helpdesk.api.contact.edit_contact`. */
export class EditedContactDto {
  @IsOptional() @IsString() @MaxLength(140) first_name?: string | null;
  @IsOptional() @IsString() @MaxLength(140) last_name?: string | null;
  @IsOptional() @IsString() @MaxLength(2000) image?: string | null;
  @IsOptional() @IsString() @MaxLength(140) timezone?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EditedEmailDto)
  email_ids?: EditedEmailDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EditedPhoneDto)
  phone_nos?: EditedPhoneDto[];
}

export class EditContactArgs {
  @IsDefined() @IsNotEmpty() @IsString() @MaxLength(140) name!: string;

  @IsDefined()
  @Transform(jsonList)
  @IsObject()
  @ValidateNested()
  @Type(() => EditedContactDto)
  doc!: EditedContactDto;
}

export class SearchContactsArgs {
  @IsOptional() @IsString() @MaxLength(140) txt?: string;
  @IsOptional() @Transform(jsonList) @IsArray() @ArrayMaxSize(20) additional_filters?: unknown[];
}

/** `get_contact_info`, `delete_contact`, `delete_customer`. */
export class NamedDocumentArgs {
  @IsDefined() @IsNotEmpty() @IsString() @MaxLength(140) name!: string;
  @IsOptional() @IsIn([...CHECK, '0', '1', 'true', 'false']) delete_tickets?: Check | string;
}

export class NewCustomerDto {
  @IsDefined() @IsNotEmpty() @IsString() @MaxLength(140) customer_name!: string;
  @IsOptional() @IsString() @MaxLength(140) customer_type?: string | null;
  @IsOptional() @IsString() @MaxLength(140) domain?: string | null;
  @IsOptional() @IsString() @MaxLength(2000) image?: string | null;
  @IsOptional() @IsString() @MaxLength(140) country?: string | null;
}

export class PrimaryContactDto {
  @IsOptional() @IsString() @MaxLength(140) email?: string | null;
  @IsOptional() @IsString() @MaxLength(140) first_name?: string | null;
  @IsOptional() @IsString() @MaxLength(140) last_name?: string | null;
  @IsOptional() @IsString() @MaxLength(140) mobile_no?: string | null;
}

export class CreateCustomerArgs {
  @IsDefined()
  @Transform(jsonList)
  @IsObject()
  @ValidateNested()
  @Type(() => NewCustomerDto)
  customer!: NewCustomerDto;

  @IsOptional()
  @Transform(jsonList)
  @IsObject()
  @ValidateNested()
  @Type(() => PrimaryContactDto)
  primary_contact?: PrimaryContactDto | null;
}

/** `args` of HD Customer's `add_contacts`. */
export class AddContactsArgs {
  @IsDefined()
  @Transform(jsonList)
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  contacts!: string[];

  @IsOptional() @IsString() role?: string;
}

/** `frappe.core.api.user_invitation.invite_by_email` (plus Helpdesk's `contact`, `customer`). */
export class InviteByEmailArgs {
  /** Comma-separated addresses, as Frappe takes them; a list is accepted too. */
  @IsDefined() @Transform(jsonList) emails!: string | string[];

  @IsDefined()
  @Transform(jsonList)
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  roles!: string[];

  @IsOptional() @IsString() @MaxLength(500) redirect_to_path?: string;
  @IsOptional() @IsString() @MaxLength(140) app_name?: string;
  @IsOptional() @IsString() @MaxLength(140) contact?: string | null;
  @IsOptional() @IsString() @MaxLength(140) customer?: string | null;
}

export class AcceptInvitationArgs {
  @IsDefined() @IsNotEmpty() @IsString() @MaxLength(200) key!: string;
}

/** `cancel_invitation` and `resend_invitation`: `app_name` guards against cross-app names. */
export class InvitationNameArgs {
  @IsDefined() @IsNotEmpty() @IsString() @MaxLength(140) name!: string;
  @IsOptional() @IsString() @MaxLength(140) app_name?: string;
}

export class AppNameArgs {
  @IsOptional() @IsString() @MaxLength(140) app_name?: string;
}
