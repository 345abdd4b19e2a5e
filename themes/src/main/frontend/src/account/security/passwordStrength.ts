import type { ZxcvbnResult } from "@zxcvbn-ts/core";

type Estimator = (password: string, userInputs: string[]) => ZxcvbnResult;

let estimator: Promise<Estimator> | undefined;

/**
 * zxcvbn-ts with its common dictionaries and keyboard graphs, loaded on first use: the dictionaries are about a
 * megabyte, which only the password form needs. The score is advice for the user; the server decides what it accepts.
 */
export function loadEstimator(): Promise<Estimator> {
  estimator ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]).then(
    ([{ ZxcvbnFactory }, common]) => {
      const zxcvbn = new ZxcvbnFactory({
        dictionary: common.dictionary,
        graphs: common.adjacencyGraphs,
        useLevenshteinDistance: true,
      });
      return (password, userInputs) => zxcvbn.check(password, userInputs);
    },
  );
  return estimator;
}
