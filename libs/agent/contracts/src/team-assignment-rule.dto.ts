import { IsString, Length } from 'class-validator';

/**
 * assignment-rule-service → agent-service: the team's "<team> - Support Rotation" rule exists
 * under this name; HD Team's read-only `assignment_rule` shows it. Sending it twice is harmless.
 */
export class LinkTeamAssignmentRuleDto {
  @IsString()
  @Length(1, 140)
  team!: string;

  @IsString()
  @Length(1, 140)
  assignment_rule!: string;
}
