import { UserInputError } from '../errors.js';

/** A price or Region the catalogue lacks, or a bad pricing option: the user's to fix, exit 2. */
export class PricingError extends UserInputError {
  constructor(message: string, field?: string) {
    super([{ message, ...(field ? { field } : {}) }]);
    this.name = 'PricingError';
  }
}
