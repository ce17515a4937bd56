import type { ComponentChildren } from 'preact'

/** A panel of the programme page, named by its heading. */
export function Section(props: {
  readonly id: string
  readonly title: string
  readonly wide?: boolean
  readonly children: ComponentChildren
}) {
  return (
    <section
      class={props.wide ? 'panel wide' : 'panel'}
      id={props.id}
      aria-labelledby={`${props.id}-title`}
      data-testid={props.id}
    >
      <header class="panel-head">
        <h2 id={`${props.id}-title`}>{props.title}</h2>
      </header>
      {props.children}
    </section>
  )
}
