import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { CompassIcon } from "@/components/ui/icons";

/** What a URL that leads nowhere shows. */
export function NotFoundView({
  title = "Page not found",
  message = "The page you are looking for does not exist or has been moved.",
}: {
  title?: string;
  message?: string;
}) {
  return (
    <div className="flex flex-col items-center py-20 text-center">
      <div className="mb-5 flex size-14 items-center justify-center rounded-2xl bg-white text-indigo-600 shadow-sm ring-1 ring-slate-200">
        <CompassIcon className="size-7" />
      </div>
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
      <p className="mt-2 max-w-md text-sm leading-relaxed text-slate-600">{message}</p>
      <div className="mt-6 flex gap-2">
        <Link href="/" className={buttonClasses({ variant: "primary" })}>
          Go to segments
        </Link>
        <Link href="/runs" className={buttonClasses()}>
          View runs
        </Link>
      </div>
    </div>
  );
}
