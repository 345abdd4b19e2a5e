import {
  Alert,
  Button,
  Flex,
  FlexItem,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Modal,
  ModalVariant,
  Switch,
  TextArea,
  TextInput,
  Title,
} from "@patternfly/react-core";
import { PlusCircleIcon } from "@patternfly/react-icons";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { AllowlistEntry } from "./api";
import { ConfirmModal, FieldMessages, SectionCard } from "./components";
import { contains, parseAddress, parseRange } from "./ipRange";
import type { SectionProps } from "./PolicySections";

type Editing = { index: number | null; value: string; label: string; error?: string };

/** The problem with one allowlist value in the console's words, or undefined when it is fine. */
function problemOf(value: string, entries: AllowlistEntry[], except: number | null, t: TFunction) {
  const range = parseRange(value);
  if (range === "format") return t("scIpFormatError");
  if (range === "hostBits") return t("scIpHostBitsError");
  const duplicate = entries.findIndex((e, i) => {
    const other = parseRange(e.value);
    return i !== except && typeof other === "object" && other.v6 === range.v6 && other.network === range.network && other.prefix === range.prefix;
  });
  return duplicate >= 0 ? t("scIpDuplicate", { value: entries[duplicate].value }) : undefined;
}

export const AllowlistSection = ({
  draft,
  update,
  readOnly,
  errorsOf,
  warningsOf,
  callerAddress,
}: SectionProps & { callerAddress?: string }) => {
  const { t } = useTranslation();
  const entries = draft.ipAllowlist.entries;
  const [editing, setEditing] = useState<Editing>();
  const [importing, setImporting] = useState<{ text: string; errors: string[] }>();
  const [confirmEnable, setConfirmEnable] = useState(false);
  const [probe, setProbe] = useState("");
  const [probeResult, setProbeResult] = useState<{ text: string; variant: "success" | "warning" | "error" }>();

  const ownCovered = () => {
    const own = callerAddress ? parseAddress(callerAddress) : undefined;
    return !own || entries.some((e) => {
      const range = parseRange(e.value);
      return typeof range === "object" && contains(range, own);
    });
  };

  const enable = () => {
    setConfirmEnable(false);
    update((d) => {
      d.ipAllowlist.enabled = true;
      if (callerAddress && !ownCovered()) {
        d.ipAllowlist.entries.push({ value: callerAddress, label: t("scOwnAddressLabel"), createdBy: null, createdAt: null });
      }
    });
  };

  const saveEntry = () => {
    if (!editing) return;
    const error = problemOf(editing.value, entries, editing.index, t);
    if (error) {
      setEditing({ ...editing, error });
      return;
    }
    update((d) => {
      const entry = { value: editing.value.trim(), label: editing.label.trim() || null };
      if (editing.index === null) d.ipAllowlist.entries.push({ ...entry, createdBy: null, createdAt: null });
      else d.ipAllowlist.entries[editing.index] = { ...d.ipAllowlist.entries[editing.index], ...entry };
    });
    setEditing(undefined);
  };

  const runImport = () => {
    if (!importing) return;
    const parsed: AllowlistEntry[] = [];
    const errors: string[] = [];
    importing.text.split(/\r?\n/).forEach((line, i) => {
      const trimmed = line.trim();
      if (!trimmed || trimmed.startsWith("#")) return;
      const [value, ...label] = trimmed.split(/[\s,;]+/);
      const problem = problemOf(value, [...entries, ...parsed], null, t);
      if (problem) errors.push(t("scImportLineError", { line: i + 1, value, problem }));
      else parsed.push({ value, label: label.join(" ") || null, createdBy: null, createdAt: null });
    });
    if (errors.length) {
      setImporting({ ...importing, errors });
      return;
    }
    update((d) => void d.ipAllowlist.entries.push(...parsed));
    setImporting(undefined);
  };

  const test = () => {
    const address = parseAddress(probe);
    if (!address) {
      setProbeResult({ text: t("scTestInvalid"), variant: "error" });
      return;
    }
    const match = entries.find((e) => {
      const range = parseRange(e.value);
      return typeof range === "object" && contains(range, address);
    });
    setProbeResult(
      match
        ? { text: t("scTestAllowed", { address: probe.trim(), entry: match.value + (match.label ? ` (${match.label})` : "") }), variant: "success" }
        : { text: t("scTestDenied", { address: probe.trim() }), variant: "warning" },
    );
  };

  return (
    <SectionCard id="sc-allowlist" title={t("scAllowlist")}>
      <Form onSubmit={(e) => e.preventDefault()}>
        <FormGroup label={t("scRestrictByIp")} fieldId="sc-allowlist-enabled">
          <Switch
            id="sc-allowlist-enabled"
            label={t("scEnableAllowlist")}
            isChecked={draft.ipAllowlist.enabled}
            isDisabled={readOnly}
            onChange={(_e, on) => (on ? setConfirmEnable(true) : update((d) => void (d.ipAllowlist.enabled = false)))}
          />
          <FieldMessages errors={errorsOf("ipAllowlist.entries")} warnings={warningsOf("ALLOWLIST_ENABLE", "ALLOWLIST_DISABLE")} />
        </FormGroup>
        <p>{t("scAllowlistExplain")}</p>
        <Alert variant="danger" isInline isPlain={false} title={t("scAllowlistRisk")} className="sc-risk-banner" />
        <Flex justifyContent={{ default: "justifyContentSpaceBetween" }} alignItems={{ default: "alignItemsCenter" }}>
          <FlexItem>
            <Title headingLevel="h3" size="md" id="sc-allowlist-table-title">
              {t("scAllowedAddresses")}
            </Title>
          </FlexItem>
          {!readOnly && (
            <Flex spaceItems={{ default: "spaceItemsSm" }}>
              <Button id="sc-allowlist-add" variant="secondary" icon={<PlusCircleIcon />} onClick={() => setEditing({ index: null, value: "", label: "" })}>
                {t("scAddIp")}
              </Button>
              <Button id="sc-allowlist-import" variant="secondary" onClick={() => setImporting({ text: "", errors: [] })}>
                {t("scBulkImport")}
              </Button>
            </Flex>
          )}
        </Flex>
        <Table aria-labelledby="sc-allowlist-table-title" variant="compact" id="sc-allowlist-table">
          <Thead>
            <Tr>
              <Th>{t("scIpAddress")}</Th>
              <Th>{t("scLabel")}</Th>
              <Th>{t("scAddedBy")}</Th>
              <Th screenReaderText={t("scActions")} />
            </Tr>
          </Thead>
          <Tbody>
            {entries.length === 0 && (
              <Tr>
                <Td colSpan={4}>{t("scAllowlistEmpty")}</Td>
              </Tr>
            )}
            {entries.map((entry, i) => (
              <Tr key={`${entry.value}-${i}`} className="sc-allowlist-row">
                <Td dataLabel={t("scIpAddress")}>
                  <code>{entry.value}</code>
                  <FieldMessages errors={[...errorsOf(`ipAllowlist.entries[${i}].value`), ...errorsOf(`ipAllowlist.entries[${i}].label`)]} />
                </Td>
                <Td dataLabel={t("scLabel")}>{entry.label}</Td>
                <Td dataLabel={t("scAddedBy")}>{entry.createdBy ?? t("scUnsaved")}</Td>
                <Td isActionCell>
                  {!readOnly && (
                    <>
                      <Button variant="link" aria-label={t("scEditEntry", { value: entry.value })} onClick={() => setEditing({ index: i, value: entry.value, label: entry.label ?? "" })}>
                        {t("edit")}
                      </Button>
                      <Button
                        variant="link"
                        isDanger
                        aria-label={t("scDeleteEntry", { value: entry.value })}
                        onClick={() => update((d) => void d.ipAllowlist.entries.splice(i, 1))}
                      >
                        {t("delete")}
                      </Button>
                    </>
                  )}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
        <p className="sc-hint">{t("scIpFormats")}</p>
        <FormGroup label={t("scTestAddress")} fieldId="sc-allowlist-test">
          <div className="sc-select-row">
            <TextInput id="sc-allowlist-test" value={probe} onChange={(_e, v) => setProbe(v)} placeholder="203.0.113.7" />
            <Button id="sc-allowlist-test-run" variant="secondary" onClick={test}>
              {t("scTest")}
            </Button>
          </div>
          <FormHelperText>
            <HelperText id="sc-allowlist-test-result" isLiveRegion>
              {probeResult && (
                <HelperTextItem variant={probeResult.variant} hasIcon>
                  {probeResult.text}
                </HelperTextItem>
              )}
            </HelperText>
          </FormHelperText>
        </FormGroup>
      </Form>

      {confirmEnable && (
        <ConfirmModal id="sc-allowlist-enable-modal" title={t("scEnableAllowlistTitle")} confirmLabel={t("scYesEnable")} danger onConfirm={enable} onCancel={() => setConfirmEnable(false)}>
          {ownCovered() || !callerAddress ? t("scEnableAllowlistBodyCovered") : t("scEnableAllowlistBody", { address: callerAddress })}
        </ConfirmModal>
      )}
      {editing && (
        <Modal
          id="sc-allowlist-entry-modal"
          variant={ModalVariant.small}
          title={editing.index === null ? t("scAddIpTitle") : t("scEditIpTitle")}
          isOpen
          onClose={() => setEditing(undefined)}
          actions={[
            <Button key="save" id="sc-allowlist-entry-save" onClick={saveEntry}>
              {editing.index === null ? t("add") : t("save")}
            </Button>,
            <Button key="cancel" variant="link" onClick={() => setEditing(undefined)}>
              {t("cancel")}
            </Button>,
          ]}
        >
          <Form onSubmit={(e) => { e.preventDefault(); saveEntry(); }}>
            <FormGroup label={t("scIpOrRange")} fieldId="sc-allowlist-entry-value" isRequired>
              <TextInput id="sc-allowlist-entry-value" value={editing.value} validated={editing.error ? "error" : "default"} onChange={(_e, v) => setEditing({ ...editing, value: v, error: undefined })} />
              <FieldMessages errors={editing.error ? [editing.error] : []} />
            </FormGroup>
            <FormGroup label={t("scLabel")} fieldId="sc-allowlist-entry-label">
              <TextInput id="sc-allowlist-entry-label" value={editing.label} maxLength={100} onChange={(_e, v) => setEditing({ ...editing, label: v })} />
            </FormGroup>
            <p className="sc-hint">{t("scIpFormats")}</p>
          </Form>
        </Modal>
      )}
      {importing && (
        <Modal
          id="sc-allowlist-import-modal"
          variant={ModalVariant.medium}
          title={t("scBulkImportTitle")}
          isOpen
          onClose={() => setImporting(undefined)}
          actions={[
            <Button key="import" id="sc-allowlist-import-run" onClick={runImport}>
              {t("scImport")}
            </Button>,
            <Button key="cancel" variant="link" onClick={() => setImporting(undefined)}>
              {t("cancel")}
            </Button>,
          ]}
        >
          <Form onSubmit={(e) => e.preventDefault()}>
            <FormGroup label={t("scBulkImportHelp")} fieldId="sc-allowlist-import-text">
              <TextArea id="sc-allowlist-import-text" rows={8} value={importing.text} onChange={(_e, v) => setImporting({ text: v, errors: [] })} />
              <FieldMessages errors={importing.errors} />
            </FormGroup>
          </Form>
        </Modal>
      )}
    </SectionCard>
  );
};
