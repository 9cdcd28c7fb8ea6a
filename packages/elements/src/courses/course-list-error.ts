/** Why a course list as a whole cannot be used. Apart from the parser, so that elements can name the error without loading it. */
export type CourseListErrorKind = 'unreachable' | 'malformed' | 'missing-columns' | 'empty' | 'too-large' | 'bad-source';

/** The list as a whole cannot be used: elements show one notice and carry on without it. */
export class CourseListError extends Error {
  constructor(
    readonly kind: CourseListErrorKind,
    message: string,
    /** The columns a CSV lacks, for `missing-columns`. */
    readonly columns: readonly string[] = [],
  ) {
    super(message);
    this.name = 'CourseListError';
  }
}

/**
 * Anything else that went wrong getting a list (Papa Parse's chunk or the loader's own could not be fetched, say) is a
 * list that could not be read.
 */
export const asListError = (error: unknown): CourseListError =>
  error instanceof CourseListError ? error : new CourseListError('unreachable', 'The course list could not be read.');
