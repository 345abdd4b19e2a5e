import { FormGroup, FormHelperText, HelperText, HelperTextItem, TextInput } from "@patternfly/react-core";
import type { PropsWithChildren } from "react";

type Props = PropsWithChildren<{
  id: string;
  name: string;
  label: string;
  autoComplete: "current-password" | "new-password";
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  /** What is wrong with the value, shown under the field (and under `children`, e.g. a rule checklist). */
  messages: string[];
  /** The id of an element that explains the field, such as the rule checklist among the children. */
  describedBy?: string;
}>;

/** A required password input with its label and what is wrong with it. */
export function PasswordField({ id, name, label, autoComplete, value, onChange, invalid, messages, describedBy, children }: Props) {
  return (
    <FormGroup label={label} fieldId={id} isRequired>
      <TextInput
        id={id}
        name={name}
        type="password"
        autoComplete={autoComplete}
        isRequired
        aria-describedby={describedBy}
        value={value}
        onChange={(_, changed) => onChange(changed)}
        validated={invalid ? "error" : "default"}
      />
      {children}
      {messages.length > 0 && (
        <FormHelperText>
          <HelperText isLiveRegion>
            {messages.map((message) => (
              <HelperTextItem key={message} variant="error" hasIcon>
                {message}
              </HelperTextItem>
            ))}
          </HelperText>
        </FormHelperText>
      )}
    </FormGroup>
  );
}
