import { Field } from '../ui/Field';
import { SLUG_RE, slugify } from '../../lib/format';

export interface NameSlugValue {
  name: string;
  slug: string;
  /** Until the user edits the slug it follows the name. */
  slugTouched: boolean;
}

export const emptyNameSlug: NameSlugValue = { name: '', slug: '', slugTouched: false };

export function effectiveSlug(v: NameSlugValue): string {
  return v.slugTouched ? v.slug : slugify(v.name);
}

/** Client-side checks before anything is sent (the server checks again and has the last word). */
export function checkNameSlug(v: NameSlugValue): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.name.trim()) errors.name = 'Give it a name';
  if (!SLUG_RE.test(effectiveSlug(v))) errors.slug = '1-39 characters of a-z, 0-9 and "-", starting with a letter or digit';
  return errors;
}

export function NameSlugFields({
  value,
  onChange,
  errors,
  placeholder,
  slugHint,
}: {
  value: NameSlugValue;
  onChange: (v: NameSlugValue) => void;
  errors: (field: string) => string | null;
  placeholder: { name: string; slug: string };
  slugHint: string;
}) {
  return (
    <div className="space-y-4">
      <Field label="Name" error={errors('name')}>
        <input className="input" name="name" autoFocus value={value.name} onChange={(e) => onChange({ ...value, name: e.target.value })} placeholder={placeholder.name} maxLength={100} />
      </Field>
      <Field label="Slug" hint={slugHint} error={errors('slug')}>
        <input
          className="input font-mono"
          name="slug"
          value={effectiveSlug(value)}
          onChange={(e) => onChange({ ...value, slug: e.target.value, slugTouched: true })}
          placeholder={placeholder.slug}
          spellCheck={false}
          autoCapitalize="off"
        />
      </Field>
    </div>
  );
}
