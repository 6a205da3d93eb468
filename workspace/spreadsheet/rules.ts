/**
 * Fake data validations, conditional format rules, users and the SpreadsheetApp enums (string-valued).
 */
import type { ConditionModel, FormatModel, ValidationModel } from './model';

type DV = GoogleAppsScript.Spreadsheet.DataValidation;
type DVBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type CFRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type CFBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type GRange = GoogleAppsScript.Spreadsheet.Range;

function enumOf<K extends string>(keys: readonly K[]): { readonly [P in K]: P } {
  return Object.freeze(Object.fromEntries(keys.map((k) => [k, k]))) as { readonly [P in K]: P };
}

export const ProtectionType = enumOf(['RANGE', 'SHEET'] as const);

export const DataValidationCriteria = enumOf([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
] as const);

export const BooleanCriteria = enumOf([
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
] as const);

/** `Charts.ChartType`-like enum for harnesses that install a `Charts` global. */
export const ChartType = enumOf([
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'LINE',
  'ORG',
  'PIE',
  'RADAR',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
] as const);

/** A user as Spreadsheet and Drive hand them out. */
export class FakeUser implements GoogleAppsScript.Base.User, Pick<GoogleAppsScript.Drive.User, 'getName'> {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
  getName(): string {
    return this.email.split('@')[0];
  }
  getUserLoginId(): string {
    return this.email;
  }
}

/** Accepts an email string or a User object, as many Apps Script methods do. */
export function emailOf(user: unknown): string {
  if (typeof user === 'string') return user.trim();
  if (user && typeof (user as { getEmail?: unknown }).getEmail === 'function') {
    return (user as { getEmail(): string }).getEmail();
  }
  return String(user);
}

// ---- data validation ----

export class FakeDataValidation
  implements ValidationModel, Pick<DV, 'getAllowInvalid' | 'getCriteriaValues' | 'getHelpText'>
{
  constructor(
    readonly criteria: string,
    readonly values: readonly unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.values];
  }
  getHelpText(): string {
    return this.helpText;
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  copy(): DVBuilder {
    return new FakeDataValidationBuilder(this).self();
  }
}

type DVKeys =
  | 'getAllowInvalid'
  | 'getCriteriaValues'
  | 'getHelpText'
  | 'requireCheckbox'
  | 'requireDate'
  | 'requireTextIsEmail'
  | 'requireValueInList'
  | 'setAllowInvalid'
  | 'setHelpText';

export class FakeDataValidationBuilder implements Pick<DVBuilder, DVKeys> {
  private criteria = '';
  private values: unknown[] = [];
  private allowInvalid = true;
  private helpText = '';

  constructor(from?: ValidationModel) {
    if (from) {
      this.criteria = from.criteria;
      this.values = [...from.values];
      this.allowInvalid = from.allowInvalid;
      this.helpText = from.helpText;
    }
  }

  self(): DVBuilder {
    return this as unknown as DVBuilder;
  }
  private set(criteria: string, values: unknown[]): DVBuilder {
    this.criteria = criteria;
    this.values = values;
    return this.self();
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown): DVBuilder {
    const values = checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked];
    return this.set('CHECKBOX', values);
  }
  requireDate(): DVBuilder {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireTextIsEmail(): DVBuilder {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireValueInList(values: string[], showDropdown = true): DVBuilder {
    return this.set('VALUE_IN_LIST', [[...values], showDropdown]);
  }
  setAllowInvalid(allow: boolean): DVBuilder {
    this.allowInvalid = allow;
    return this.self();
  }
  setHelpText(text: string): DVBuilder {
    this.helpText = text;
    return this.self();
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.values];
  }
  getHelpText(): string {
    return this.helpText;
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  copy(): DVBuilder {
    return new FakeDataValidationBuilder(this.build() as unknown as FakeDataValidation).self();
  }
  build(): DV {
    if (!this.criteria) throw new Error('You must specify a data validation criteria.');
    return new FakeDataValidation(
      this.criteria,
      [...this.values],
      this.allowInvalid,
      this.helpText,
    ) as unknown as DV;
  }
}

export function isCheckbox(dv: ValidationModel | undefined): boolean {
  return !!dv && dv.criteria === 'CHECKBOX';
}

/** The checked / unchecked values of a checkbox validation (true/false unless custom values were given). */
export function checkboxValues(dv: ValidationModel): [unknown, unknown] {
  if (dv.values.length === 0) return [true, false];
  return [dv.values[0], dv.values.length > 1 ? dv.values[1] : ''];
}

// ---- conditional formatting ----

export class FakeBooleanCondition implements Pick<
  GoogleAppsScript.Spreadsheet.BooleanCondition,
  'getCriteriaValues'
> {
  constructor(
    private readonly condition: ConditionModel,
    private readonly format: FormatModel,
  ) {}
  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    return this.condition.criteria as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.condition.values];
  }
  getBackground(): string | null {
    return this.format.background ?? null;
  }
}

export class FakeConditionalFormatRule implements Pick<CFRule, 'getBooleanCondition' | 'getRanges' | 'copy'> {
  constructor(
    readonly condition: ConditionModel | null,
    readonly format: FormatModel,
    readonly ranges: GRange[],
  ) {}
  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    if (!this.condition) return null;
    return new FakeBooleanCondition(
      this.condition,
      this.format,
    ) as unknown as GoogleAppsScript.Spreadsheet.BooleanCondition;
  }
  getRanges(): GRange[] {
    return [...this.ranges];
  }
  copy(): CFBuilder {
    return new FakeConditionalFormatRuleBuilder(this).self();
  }
}

type CFKeys =
  'setBackground' | 'setFontColor' | 'setRanges' | 'getRanges' | 'whenFormulaSatisfied' | 'whenTextEqualTo';

export class FakeConditionalFormatRuleBuilder implements Pick<CFBuilder, CFKeys> {
  private condition: ConditionModel | null = null;
  private format: FormatModel = {};
  private ranges: GRange[] = [];

  constructor(from?: FakeConditionalFormatRule) {
    if (from) {
      this.condition = from.condition
        ? { criteria: from.condition.criteria, values: [...from.condition.values] }
        : null;
      this.format = { ...from.format };
      this.ranges = [...from.ranges];
    }
  }
  self(): CFBuilder {
    return this as unknown as CFBuilder;
  }
  private when(criteria: string, values: unknown[]): CFBuilder {
    this.condition = { criteria, values };
    return this.self();
  }
  private fmt(patch: FormatModel): CFBuilder {
    Object.assign(this.format, patch);
    return this.self();
  }
  setBackground(color: string | null): CFBuilder {
    return this.fmt({ background: color });
  }
  setFontColor(color: string | null): CFBuilder {
    return this.fmt({ fontColor: color });
  }
  setRanges(ranges: GRange[]): CFBuilder {
    this.ranges = [...ranges];
    return this.self();
  }
  getRanges(): GRange[] {
    return [...this.ranges];
  }
  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    return new FakeConditionalFormatRule(this.condition, this.format, this.ranges).getBooleanCondition();
  }
  whenFormulaSatisfied(formula: string): CFBuilder {
    return this.when('CUSTOM_FORMULA', [formula]);
  }
  whenTextEqualTo(text: string): CFBuilder {
    return this.when('TEXT_EQUAL_TO', [text]);
  }
  copy(): CFBuilder {
    return new FakeConditionalFormatRuleBuilder(this.buildFake()).self();
  }
  private buildFake(): FakeConditionalFormatRule {
    return new FakeConditionalFormatRule(
      this.condition ? { ...this.condition, values: [...this.condition.values] } : null,
      { ...this.format },
      [...this.ranges],
    );
  }
  build(): CFRule {
    if (!this.condition) throw new Error('A conditional format rule must have a condition.');
    return this.buildFake() as unknown as CFRule;
  }
}
