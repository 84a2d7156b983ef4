export function App() {
  return <main className="h-screen w-screen">Warren</main>;
}
