import { callersOfPart, describeMatrix, setUpMatrix } from '../support/authorization-matrix.ts';

// Part 2 of the authorization matrix (see authorization-matrix.test.ts), on a database of its own.
describeMatrix(setUpMatrix(), callersOfPart(1));
