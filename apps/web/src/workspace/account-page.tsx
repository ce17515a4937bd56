import type { ComponentChildren } from 'preact'

/** A workspace page: its title (naming the region) and content; `wide` for tables. */
export function AccountPage(props: {
  readonly id: string
  readonly title: string
  readonly wide?: boolean
  readonly children: ComponentChildren
}) {
  return (
    <section class={props.wide ? 'account-page wide' : 'account-page'} aria-labelledby={`${props.id}-title`}>
      <h1 class="view-title" id={`${props.id}-title`}>
        {props.title}
      </h1>
      {props.children}
    </section>
  )
}
