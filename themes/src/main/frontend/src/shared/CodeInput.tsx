import { FormGroup, FormHelperText, HelperText, HelperTextItem, TextInput } from "@patternfly/react-core";

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Why the code was refused; replaces the hint while set. */
  error?: string;
  hint?: string;
  /** Only digits are expected (an authenticator app's code), so phones show the number pad. */
  numeric?: boolean;
};

/** The field for a one-time code, focused when it appears, its error or hint read out as it changes. */
export function CodeInput({ id, label, value, onChange, error, hint, numeric = false }: Props) {
  const message = error ?? hint;
  return (
    <FormGroup label={label} fieldId={id} isRequired>
      <TextInput
        id={id}
        name="code"
        inputMode={numeric ? "numeric" : undefined}
        autoComplete="one-time-code"
        isRequired
        value={value}
        onChange={(_, changed) => onChange(changed)}
        validated={error ? "error" : "default"}
        autoFocus
      />
      {message && (
        <FormHelperText>
          <HelperText isLiveRegion>
            {error ? (
              <HelperTextItem variant="error" hasIcon>
                {error}
              </HelperTextItem>
            ) : (
              <HelperTextItem>{hint}</HelperTextItem>
            )}
          </HelperText>
        </FormHelperText>
      )}
    </FormGroup>
  );
}
