import { BaseSequencer, type TestSpecification } from 'vitest/node';

const MATRIX_PART = /\/authorization-matrix(-\d+)?\.test\.ts$/;

/**
 * The order test files start in. Vitest starts the longest first when an earlier run left timings, else
 * the largest. The parts of the authorization matrix are small files that run longest: without timings
 * (a clean clone, as in CI) they would start last, and one worker would finish the last of them alone
 * while the other had nothing left. They start first instead.
 */
export default class MatrixFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const untimedPart = (file: TestSpecification) =>
      MATRIX_PART.test(file.moduleId) && !this.ctx.cache.getTestSpecificationResult(file);
    return [...sorted.filter(untimedPart), ...sorted.filter((file) => !untimedPart(file))];
  }
}
