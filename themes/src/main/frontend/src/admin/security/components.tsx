import {
  Alert,
  AlertActionCloseButton,
  AlertGroup,
  Button,
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Modal,
  ModalVariant,
} from "@patternfly/react-core";
import { createContext, useCallback, useContext, useState, type PropsWithChildren, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

export const SectionCard = ({ id, title, actions, children }: PropsWithChildren<{ id: string; title: string; actions?: ReactNode }>) => (
  <Card component="section" id={id} aria-labelledby={`${id}-title`} className="sc-section">
    <CardHeader actions={actions ? { actions, hasNoOffset: true } : undefined}>
      <CardTitle id={`${id}-title`} component="h2">
        {title}
      </CardTitle>
    </CardHeader>
    <CardBody>{children}</CardBody>
  </Card>
);

/** Errors and warnings shown under a field: the server's validation errors and preview warnings. */
export const FieldMessages = ({ errors = [], warnings = [] }: { errors?: string[]; warnings?: string[] }) =>
  errors.length + warnings.length === 0 ? null : (
    <FormHelperText>
      <HelperText>
        {errors.map((e) => (
          <HelperTextItem key={e} variant="error" hasIcon className="sc-field-error">
            {e}
          </HelperTextItem>
        ))}
        {warnings.map((w) => (
          <HelperTextItem key={w} variant="warning" hasIcon className="sc-preview-warning">
            {w}
          </HelperTextItem>
        ))}
      </HelperText>
    </FormHelperText>
  );

export type Option = { value: number | null; label: string };

/** A dropdown of the spec's fixed options; `null` stands for "Never" / "Unlimited" / "Manual". */
export const SelectField = ({
  id,
  label,
  unit,
  value,
  options,
  onChange,
  isDisabled,
  errors,
  warnings,
}: {
  id: string;
  label: string;
  unit: string;
  value: number | null;
  options: Option[];
  onChange: (value: number | null) => void;
  isDisabled: boolean;
  errors?: string[];
  warnings?: string[];
}) => {
  const known = options.some((o) => o.value === value);
  return (
    <FormGroup label={label} fieldId={id}>
      <div className="sc-select-row">
        <FormSelect
          id={id}
          value={value === null ? "" : String(value)}
          isDisabled={isDisabled}
          validated={errors?.length ? "error" : "default"}
          aria-describedby={`${id}-unit`}
          onChange={(_e, v) => onChange(v === "" ? null : Number(v))}
        >
          {!known && <FormSelectOption value={value === null ? "" : String(value)} label={String(value)} />}
          {options.map((o) => (
            <FormSelectOption key={String(o.value)} value={o.value === null ? "" : String(o.value)} label={o.label} />
          ))}
        </FormSelect>
        <span id={`${id}-unit`} className="sc-unit">
          {unit}
        </span>
      </div>
      <FieldMessages errors={errors} warnings={warnings} />
    </FormGroup>
  );
};

export const ConfirmModal = ({
  id,
  title,
  confirmLabel,
  danger,
  onConfirm,
  onCancel,
  children,
}: PropsWithChildren<{ id: string; title: string; confirmLabel: string; danger?: boolean; onConfirm: () => void; onCancel: () => void }>) => {
  const { t } = useTranslation();
  return (
    <Modal
      id={id}
      variant={ModalVariant.small}
      title={title}
      titleIconVariant={danger ? "warning" : undefined}
      isOpen
      onClose={onCancel}
      actions={[
        <Button key="confirm" id={`${id}-confirm`} variant={danger ? "danger" : "primary"} onClick={onConfirm}>
          {confirmLabel}
        </Button>,
        <Button key="cancel" id={`${id}-cancel`} variant="link" onClick={onCancel}>
          {t("cancel")}
        </Button>,
      ]}
    >
      {children}
    </Modal>
  );
};

type Toast = { key: number; variant: "success" | "danger" | "info" | "warning"; title: string };
const ToastContext = createContext<(variant: Toast["variant"], title: string) => void>(() => undefined);
const DismissContext = createContext<(variant: Toast["variant"]) => void>(() => undefined);

export const useToast = () => useContext(ToastContext);
/** Closes the toasts of one kind, e.g. earlier failures once the action succeeded. */
export const useDismissToasts = () => useContext(DismissContext);

/** Toast confirmations (spec: "toast 'Security settings updated'"), announced to screen readers. */
export const ToastProvider = ({ children }: PropsWithChildren) => {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const add = useCallback((variant: Toast["variant"], title: string) => {
    const key = Date.now() + Math.random();
    setToasts((all) => [...all, { key, variant, title }]);
    setTimeout(() => setToasts((all) => all.filter((x) => x.key !== key)), 8000);
  }, []);
  const dismiss = useCallback((variant: Toast["variant"]) => setToasts((all) => all.filter((x) => x.variant !== variant)), []);
  return (
    <ToastContext.Provider value={add}>
      <DismissContext.Provider value={dismiss}>{children}</DismissContext.Provider>
      <AlertGroup isToast isLiveRegion>
        {toasts.map((toast) => (
          <Alert
            key={toast.key}
            className="sc-toast"
            variant={toast.variant}
            title={toast.title}
            actionClose={<AlertActionCloseButton onClose={() => setToasts((all) => all.filter((x) => x.key !== toast.key))} />}
          />
        ))}
      </AlertGroup>
    </ToastContext.Provider>
  );
};
