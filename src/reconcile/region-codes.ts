/**
 * The short Region codes AWS bills carry at the front of a usage type
 * ("USE1-Lambda-GB-Second", "APE1-USE1-AWS-In-Bytes"): pure data.
 *
 * [H] AWS Region billing codes,
 * https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-region-billing-codes.html
 * ("AWS billing and usage reports often use abbreviations for Region codes").
 * [H] Amazon S3 billing and usage reports: "USE1 (or no prefix): US East (N. Virginia)", "EU:
 * Europe (Ireland)", "CPT: Africa (Cape Town)", "UGW1"/"UGE1": GovCloud,
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/aws-usage-report-understand.html
 * [M] EUW1 for eu-west-1 appears in third-party decoders only; AWS's tables say EU.
 */

export const REGION_BILLING_CODES: Readonly<Record<string, string>> = {
  // North America
  USE1: 'us-east-1',
  USE2: 'us-east-2',
  USW1: 'us-west-1',
  USW2: 'us-west-2',
  CAN1: 'ca-central-1',
  CAN2: 'ca-west-1',
  MXC1: 'mx-central-1',
  UGE1: 'us-gov-east-1',
  UGW1: 'us-gov-west-1',
  // South America
  SAE1: 'sa-east-1',
  // Africa
  AFS1: 'af-south-1',
  CPT: 'af-south-1',
  // Asia Pacific
  APE1: 'ap-east-1',
  APE2: 'ap-east-2',
  APN1: 'ap-northeast-1',
  APN2: 'ap-northeast-2',
  APN3: 'ap-northeast-3',
  APS1: 'ap-southeast-1',
  APS2: 'ap-southeast-2',
  APS3: 'ap-south-1',
  APS4: 'ap-southeast-3',
  APS5: 'ap-south-2',
  APS6: 'ap-southeast-4',
  APS7: 'ap-southeast-5',
  APS8: 'ap-southeast-6',
  APS9: 'ap-southeast-7',
  // Europe
  EU: 'eu-west-1',
  EUW1: 'eu-west-1',
  EUW2: 'eu-west-2',
  EUW3: 'eu-west-3',
  EUC1: 'eu-central-1',
  EUC2: 'eu-central-2',
  EUN1: 'eu-north-1',
  EUS1: 'eu-south-1',
  EUS2: 'eu-south-2',
  // Middle East, Israel
  MES1: 'me-south-1',
  MEC1: 'me-central-1',
  ILC1: 'il-central-1',
};

/** A usage type without a Region code is billed in us-east-1 ([H], S3 usage reports, above). */
export const UNPREFIXED_REGION = 'us-east-1';
