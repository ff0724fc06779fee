"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { ActivityIcon, defineIcon, WorkflowIcon } from "@/components/ui/icons";
import { UserCheckIcon } from "@/features/approvals/components/approval-icons";
import { ApprovalsNavBadge } from "@/features/approvals/components/approvals-nav-badge";

const CodeIcon = defineIcon(<path d="m16 18 6-6-6-6M8 6l-6 6 6 6" />, "CodeIcon");

type NavItem = { href: string; label: string; icon: ReactNode; isActive: (path: string) => boolean; badge?: ReactNode };

const ITEMS: NavItem[] = [
  { href: "/", label: "Segments", icon: <WorkflowIcon />, isActive: (path) => path === "/" || path.startsWith("/segments") },
  { href: "/runs", label: "Runs", icon: <ActivityIcon />, isActive: (path) => path.startsWith("/runs") },
  {
    href: "/approvals",
    label: "Approvals",
    icon: <UserCheckIcon />,
    isActive: (path) => path.startsWith("/approvals"),
    badge: <ApprovalsNavBadge />,
  },
  { href: "/api-docs", label: "API", icon: <CodeIcon />, isActive: (path) => path.startsWith("/api-docs") },
];

export function MainNav() {
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="Main" className="flex items-center gap-1">
      {ITEMS.map((item) => {
        const active = item.isActive(pathname);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cx(
              "inline-flex h-8 items-center gap-2 rounded-md px-3 text-sm font-medium transition-colors",
              "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
              active ? "bg-slate-100 text-slate-900" : "text-slate-600 hover:bg-slate-50 hover:text-slate-900",
            )}
          >
            <span className={active ? "text-indigo-600" : "text-slate-400"}>{item.icon}</span>
            {/* Icons only on phones, where four labels don't fit beside the logo. */}
            <span className="max-sm:sr-only">{item.label}</span>
            {item.badge}
          </Link>
        );
      })}
    </nav>
  );
}
