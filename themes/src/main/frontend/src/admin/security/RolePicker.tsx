import {
  Chip,
  ChipGroup,
  MenuToggle,
  Select,
  SelectList,
  SelectOption,
  type MenuToggleElement,
} from "@patternfly/react-core";
import { useEffect, useState, type Ref } from "react";
import { useTranslation } from "react-i18next";
import type { PolicyChoices, SecurityApi } from "./api";

/**
 * The roles and identity providers the pickers offer (`GET /policy/choices`); undefined until
 * loaded, and when they cannot be read the pickers keep showing what the policy holds.
 */
export function usePolicyChoices(api: SecurityApi) {
  const [choices, setChoices] = useState<PolicyChoices>();
  useEffect(() => {
    void api.choices().then(setChoices, () => setChoices(undefined));
  }, [api]);
  return choices;
}

/**
 * A role as the policy stores it: a realm role by name, an administration role as
 * "realm-management.manage-users", shown as "manage-users (realm-management)".
 */
export function roleLabel(role: string, choices?: PolicyChoices) {
  if (!choices?.administrationRoles.includes(role)) return role;
  const dot = role.indexOf(".");
  return `${role.slice(dot + 1)} (${role.slice(0, dot)})`;
}

/** Picks any number of roles from the realm's roles and its administration roles. */
export const RolePicker = ({
  id,
  label,
  selected,
  choices,
  placeholder,
  isDisabled,
  onChange,
}: {
  id: string;
  label: string;
  selected: string[];
  choices?: PolicyChoices;
  placeholder: string;
  isDisabled: boolean;
  onChange: (roles: string[]) => void;
}) => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const roles = choices ? [...choices.realmRoles, ...choices.administrationRoles] : selected;
  const toggle = (role: string) =>
    onChange(selected.includes(role) ? selected.filter((r) => r !== role) : roles.filter((r) => r === role || selected.includes(r)));

  return (
    <>
      <Select
        id={`${id}-menu`}
        role="menu"
        isOpen={open}
        selected={selected}
        onSelect={(_e, value) => toggle(String(value))}
        onOpenChange={setOpen}
        toggle={(ref: Ref<MenuToggleElement>) => (
          <MenuToggle id={id} ref={ref} aria-label={label} isDisabled={isDisabled} isExpanded={open} onClick={() => setOpen((o) => !o)}>
            {selected.length === 0 ? placeholder : t("scRolesChosen", { count: selected.length })}
          </MenuToggle>
        )}
      >
        <SelectList aria-label={label}>
          {roles.map((role) => (
            <SelectOption key={role} value={role} hasCheckbox isSelected={selected.includes(role)} data-role={role}>
              {roleLabel(role, choices)}
            </SelectOption>
          ))}
        </SelectList>
      </Select>
      {selected.length > 0 && (
        <div id={`${id}-chosen`}>
          <ChipGroup categoryName={t("scRolesChosenCategory")} numChips={10}>
            {selected.map((role) => (
              <Chip key={role} data-role={role} isReadOnly={isDisabled} onClick={() => toggle(role)}>
                {roleLabel(role, choices)}
              </Chip>
            ))}
          </ChipGroup>
        </div>
      )}
    </>
  );
};
